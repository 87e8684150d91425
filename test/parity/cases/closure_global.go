// A closure stored in a global escapes, with what it captures by reference.
package p

var gf func() int

func store() {
	x := 0       // L: x
	gf = func() int { // L: lit
		x++
		return x
	}
}
