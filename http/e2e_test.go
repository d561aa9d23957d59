package http_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	dhttp "github.com/dragoman-news/dragoman/http"
)

// chromium finds the browser for end-to-end tests: DRAGOMAN_TEST_CHROMIUM,
// else chromium on the PATH. scripts/test.sh installs Debian's package.
func chromium(t *testing.T) string {
	if p := os.Getenv("DRAGOMAN_TEST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found: install Debian's chromium package (scripts/test.sh does) or set DRAGOMAN_TEST_CHROMIUM")
	return ""
}

// artifacts is where the screenshots of the pages are kept:
// DRAGOMAN_ARTIFACTS, else http/testdata/screenshots (ignored by git).
func artifacts(t *testing.T) string {
	dir := os.Getenv("DRAGOMAN_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func browser(t *testing.T) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("window-size", "1280,1000"),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel3)
	return ctx
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(artifacts(t), name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// TestBrowser walks the UI as an analyst would: search, open an article,
// follow an entity to its actor page, and open a dyad chart.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	e := newEnv(t, dhttp.Config{Token: token})
	e.ingestFixtures()

	t.Run("Home", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/"), chromedp.WaitVisible(chromedp.CSS(".articles"))); err != nil {
			t.Fatal(err)
		}
		if got := text(t, ctx, ".articles"); !strings.Contains(got, "Vietnam and Japan sign maritime cooperation pact") {
			t.Fatalf("home lists %q", got)
		}
		shot(t, ctx, "home")
	})
	t.Run("SearchToArticle", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS(`.searchbox input[name="q"]`), "ceasefire"),
			chromedp.Submit(chromedp.CSS(".searchbox")),
			chromedp.WaitVisible(chromedp.CSS(".hits")),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got := text(t, ctx, ".hits"); !strings.Contains(got, "Turkey hosts") {
			t.Fatalf("hits %q", got)
		}
		shot(t, ctx, "search")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".hits li a")), chromedp.WaitVisible(chromedp.CSS(".doc .body"))); err != nil {
			t.Fatal(err)
		}
		if got := text(t, ctx, ".headline"); got != "Turkey hosts Armenian and Azerbaijani envoys for ceasefire talks" {
			t.Fatalf("headline %q", got)
		}
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".body a.ent-person").length`))
		if err != nil || n == 0 {
			t.Fatalf("no person highlighted in the article (%d, %v)", n, err)
		}
		q, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".body .quote").length`))
		if q == 0 {
			t.Fatal("no quotation marked in the article")
		}
		shot(t, ctx, "article")
	})
	t.Run("EntityToActor", func(t *testing.T) {
		name, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".body a.ent-person").title.split(" · ")[0]`))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".body a.ent-person")), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		h1 := text(t, ctx, "h1")
		if name == "" || !strings.HasPrefix(h1, name) {
			t.Fatalf("clicked %q, actor page says %q", name, h1)
		}
		shot(t, ctx, "actor")
	})
	t.Run("Dyad", func(t *testing.T) {
		// Follow the busiest dyad the home page offers.
		if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/"), chromedp.Click(chromedp.CSS(".dyads li a")), chromedp.WaitVisible(chromedp.CSS("h1"))); err != nil {
			t.Fatal(err)
		}
		bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart a.bar rect").length`))
		if err != nil {
			t.Fatal(err)
		}
		shot(t, ctx, "dyad")
		if bars == 0 {
			t.Fatal("the dyad chart has no bars")
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("svg.chart a.bar")), chromedp.WaitVisible(chromedp.CSS("table.events"))); err != nil {
			t.Fatal(err)
		}
		if got := text(t, ctx, "table.events tbody"); strings.Contains(got, "No events.") {
			t.Fatalf("the bar links to no events: %q", got)
		}
		shot(t, ctx, "dyad-events")
	})
	t.Run("HostileArticleInert", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(e.url+"/articles/"+e.ids["xss.txt"]), chromedp.WaitVisible(chromedp.CSS(".doc"))); err != nil {
			t.Fatal(err)
		}
		body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(body, "pwned") && !strings.Contains(body, `innerHTML="pwned"`) {
			t.Fatal("the article's script ran")
		}
		imgs, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".body img").length`))
		if imgs != 0 {
			t.Fatal("the article's <img> became an element")
		}
		shot(t, ctx, "hostile")
	})
	t.Run("Analyze", func(t *testing.T) {
		body, _ := os.ReadFile("testdata/hanoi-trade.txt")
		err := chromedp.Do(ctx,
			chromedp.Navigate(e.url+"/analyze"),
			chromedp.SendKeys(chromedp.CSS("textarea"), string(body)),
			chromedp.Submit(chromedp.CSS("form.analyze")),
			chromedp.WaitVisible(chromedp.CSS(".doc .body")),
		)
		if err != nil {
			t.Fatal(err)
		}
		if got := text(t, ctx, ".headline"); !strings.Contains(got, "Vietnam and Japan") {
			t.Fatalf("headline %q", got)
		}
		shot(t, ctx, "analyze")
	})
}
