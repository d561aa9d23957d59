package article

import (
	"bufio"
	"context"

	"github.com/dragoman-news/dragoman"
)

func parseHTML(ctx context.Context, data []byte, url string) (Item, error) {
	return Item{}, dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "html reader not implemented yet")
}
func readJSONL(ctx context.Context, r *bufio.Reader, s *source) bool {
	return s.fail("", dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "jsonl reader not implemented yet"))
}
func readFeed(ctx context.Context, r *bufio.Reader, s *source) bool {
	return s.fail("", dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "rss reader not implemented yet"))
}
func readWARC(ctx context.Context, r *bufio.Reader, s *source) bool {
	return s.fail("", dragoman.Errorf(dragoman.ENOTIMPLEMENTED, "warc reader not implemented yet"))
}
