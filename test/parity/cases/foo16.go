// escape2.go foo16: a parameter stored through a global pointer.
package p

var xxx **int

func foo16(yy *int) { // L: foo16
	*xxx = yy
}
