// A pointer declared outside a loop that keeps an address from inside (esc.go keep = &x).
package p

func loopKeep() int {
	var keep *int
	for i := 0; i < 3; i++ {
		x := i // L: x
		keep = &x
	}
	return *keep
}

func loopLocal() int {
	s := 0
	for i := 0; i < 3; i++ {
		x := i
		p := &x
		s += *p
	}
	return s
}
