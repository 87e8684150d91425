// escape2.go foo14: storing a value two levels down leaks nothing.
package p

var xxx **int

func foo14(yyy **int) { // L: foo14
	**xxx = **yyy
}
