// Only what a parameter points to leaks (escape2.go foo13).
package p

var xxx **int
var gp *int

func foo13(yyy **int) { // L: foo13
	*xxx = *yyy
}

func content2(ppp ***int) { // L: content2
	gp = **ppp
}
