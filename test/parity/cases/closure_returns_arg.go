// escape_closure.go ClosureCallArgs15-like: a closure returning its argument, called in place.
package p

var gp *int

func returnsArg() {
	x := 0 // L: x
	gp = func(p *int) *int { // L: lit
		return p
	}(&x)
}

func returnsArgLocal() int {
	x := 0
	q := func(p *int) *int { // L: lit2
		return p
	}(&x)
	return *q
}
