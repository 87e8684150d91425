// escape2.go foo17: a pointee's value stored through a global pointer.
package p

var xxx **int

func foo17(yy *int) { // L: foo17
	**xxx = *yy
}
