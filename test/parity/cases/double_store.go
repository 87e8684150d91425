// A pointer stored through a parameter's pointee, two levels down.
package p

func store2(ppp ***int, p *int) { // L: store2
	**ppp = p
}

func load2(ppp ***int) *int { // L: load2
	return **ppp
}
