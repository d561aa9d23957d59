package postgres

import (
	"strconv"
	"strings"
	"time"
)

// where builds a WHERE clause; conditions use ? for their arguments, which
// sql numbers $1, $2... after the arguments already given (from).
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	n := len(w.args)
	for _, r := range cond {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
	w.args = append(w.args, args...)
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) days(col string, since, until time.Time) {
	if !since.IsZero() {
		w.add(col+` >= ?::date`, since.UTC().Format("2006-01-02"))
	}
	if !until.IsZero() {
		w.add(col+` <= ?::date`, until.UTC().Format("2006-01-02"))
	}
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func limit(n, off int) string {
	s := ""
	if n > 0 {
		s += " LIMIT " + strconv.Itoa(n)
	}
	if off > 0 {
		s += " OFFSET " + strconv.Itoa(off)
	}
	return s
}
