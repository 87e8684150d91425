// A flow to the heap dominates one to the result at the same level (leaks.go Optimize).
package p

var gp *int

func both(p *int) *int { // L: both
	gp = p
	return p
}

func contentBoth(pp **int) *int { // L: contentboth
	gp = *pp
	return *pp
}

func contentAndResult(pp **int) **int { // L: contentresult
	gp = *pp
	return pp
}
