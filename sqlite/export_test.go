package sqlite

// SetRankCap changes the search cap for a test and returns a function that
// restores it.
func SetRankCap(n int) func() {
	old := rankCap
	rankCap = n
	return func() { rankCap = old }
}
