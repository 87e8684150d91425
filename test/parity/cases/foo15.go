// escape2.go foo15: the address of a parameter stored in a global.
package p

var xxx **int

func foo15(yy *int) { // L: foo15
	xxx = &yy
}
