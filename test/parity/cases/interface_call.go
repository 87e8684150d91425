// An interface method call leaks the receiver (escape2.go foo64, foo66).
package p

type M interface {
	M()
}

type MV int

func (MV) M() {}

func foo64(m M) { // L: foo64
	m.M()
}

func foo66() {
	var mv MV // L: mv
	foo64(&mv)
}
