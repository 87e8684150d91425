// Calls through a function value: the callee is unknown, so every argument
// escapes (escape.go f(&x) with a func value, escape2.go foo118).
package p

func callFn(f func(*int)) { // L: callfn
	x := 0 // L: x
	f(&x)
}
