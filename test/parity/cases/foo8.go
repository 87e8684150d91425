// escape2.go foo8: returning a pointee that holds no pointer leaks nothing.
package p

func foo8(xx, yy *int) int { // L: foo8
	xx = yy
	return *xx
}
