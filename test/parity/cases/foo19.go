// escape2.go foo19: a value stored two levels down: nothing escapes.
package p

var xxx **int

func foo19(y int) {
	**xxx = y
}
