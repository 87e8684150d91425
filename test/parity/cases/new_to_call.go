// An allocation passed to a function: its summary decides.
package p

var gp *int

func noleak(p *int) int { // L: noleak
	return *p
}

func leak(p *int) { // L: leak
	gp = p
}

func passNoLeak() int {
	return noleak(new(int)) // L: new1
}

func passLeak() {
	leak(new(int)) // L: new2
}
