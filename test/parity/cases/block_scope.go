// Go has no block lifetimes: only loops make a variable outlive another.
package p

func block() int {
	var p *int
	{
		x := 1
		p = &x
	}
	return *p
}
