// A parameter leaks through a chain of locals.
package p

var gp *int

func chain(p *int) { // L: chain
	q := p
	r := q
	gp = r
}

func addrChain(x int) *int { // L: addrchain
	p := &x
	q := p
	return q
}
