// Taking the address of a parameter for local use only.
package p

func addrLocal(x int) int {
	p := &x
	*p = 2
	return x
}

func addrParamPtr(p *int) **int { // L: ptr
	return &p
}
