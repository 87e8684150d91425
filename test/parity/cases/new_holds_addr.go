// The address of a local stored into a new object: the store is a heap store.
package p

func newHolds() *int {
	x := 0         // L: x
	p := new(*int) // L: new
	*p = &x
	return *p
}
