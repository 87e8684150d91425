// C++ references are Go pointers: binding is taking the address, using is dereferencing.
package p

func refId(p *int) *int { // L: refid
	return p
}

func refLocal() *int {
	x := 0 // L: x
	r := &x
	return r
}

func refRead(p *int) int { // L: refread
	return *p
}
