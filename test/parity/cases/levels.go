// Indirection levels (escape_level.go level0, level1, level2).
package p

var sink interface{}

func level0() {
	i := 0     // L: i0
	p0 := &i   // L: p0_0
	p1 := &p0  // L: p1_0
	p2 := &p1  // L: p2_0
	sink = &p2 // L: sink0
}

func level1() {
	i := 0    // L: i1
	p0 := &i  // L: p0_1
	p1 := &p0 // L: p1_1
	p2 := &p1
	sink = p2
}

func level2() {
	i := 0    // L: i2
	p0 := &i  // L: p0_2
	p1 := &p0
	p2 := &p1
	sink = *p2
}

func level3() {
	i := 0   // L: i3
	p0 := &i
	p1 := &p0
	p2 := &p1
	sink = **p2
}
