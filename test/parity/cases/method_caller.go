// A method's receiver and argument summaries at the call.
package p

type Bar struct {
	p *int
}

func (b *Bar) Set(x *int) { // L: set
	b.p = x
}

func caller() {
	var b Bar
	x := 0 // L: x
	b.Set(&x)
}
