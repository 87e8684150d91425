// Summaries at call sites (escape5.go leaktoret, f2, f3).
package p

var gp *int

func leaktoret(p *int) *int { // L: leaktoret
	return p
}

func noleak(p *int) int { // L: noleak
	return *p
}

func f2() {
	var x int // no escape: the result is unused
	_ = leaktoret(&x)
}

func f3() {
	var x int // L: x3
	p := leaktoret(&x)
	gp = p
}

func f4() int {
	var x int
	return noleak(&x)
}
