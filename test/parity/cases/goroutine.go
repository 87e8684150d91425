// go f(&x): the goroutine may outlive the frame (escape2.go foo82).
package p

func noop(p *int) {} // L: noop

func spawn() {
	var x int // L: x
	go noop(&x)
}
