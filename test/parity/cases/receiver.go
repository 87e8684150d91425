// Methods: the receiver is a parameter (escape2.go AlsoNoLeak).
package p

type Bar struct {
	i  int
	ii *int
}

func (b *Bar) AlsoNoLeak() *int { // L: alsonoleak
	return b.ii
}

func (b *Bar) Self() *Bar { // L: self
	return b
}

func (b *Bar) Set(x *int) { // L: set
	b.ii = x
}

func (b *Bar) Get() int { // L: get
	return b.i
}
