// escape2.go foo7: a parameter reaches the result through a local pointer.
package p

func foo7(xx **int, yy *int) *int { // L: foo7
	xx = &yy
	return *xx
}
