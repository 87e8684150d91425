// Slicing an array takes its address (escape2.go foo99-like; esc2.go).
package p

var gs []int

func retSlice() []int {
	var a [4]int // L: a
	return a[:]
}

func localSlice() int {
	var b [4]int
	s := b[:]
	return s[0]
}

func globalSlice() {
	var c [4]int // L: c
	gs = c[:]
}
