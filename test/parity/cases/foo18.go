// escape2.go foo18: the address of a parameter stored through a global pointer.
package p

var xxx **int

func foo18(y int) { // L: foo18
	*xxx = &y
}
