// Sentinel errors: package variables such as strconv.ErrRange as Python exception classes.

package bindcrt

import (
	"errors"
	"sync"
	"unsafe"
)

// bindcSentinel is one registered sentinel: how to read the Go variable now, and its class.
type bindcSentinel struct {
	key    string
	get    func() error
	pyType unsafe.Pointer
}

// bindcSentinels holds the registered sentinels in registration order (the first one an
// error matches wins, so a module's more specific sentinels can come first).
var bindcSentinels struct {
	sync.RWMutex
	list []bindcSentinel
}

// BindcRegisterSentinel makes errors that errors.Is the value get returns raise pyType, a
// GoError subclass (generated module init code calls it). key names the variable (module and
// Go name): registering a key again, as a module re-initialised in a new interpreter does,
// replaces the class. get reads the live variable, so reassigning it in Go is seen.
func BindcRegisterSentinel(key string, get func() error, pyType unsafe.Pointer) {
	bindcSentinels.Lock()
	defer bindcSentinels.Unlock()
	for i := range bindcSentinels.list {
		if bindcSentinels.list[i].key == key {
			bindcSentinels.list[i] = bindcSentinel{key, get, pyType}
			return
		}
	}
	bindcSentinels.list = append(bindcSentinels.list, bindcSentinel{key, get, pyType})
}

// bindcSentinelOf returns the class of the first registered sentinel err matches (errors.Is),
// or nil.
func bindcSentinelOf(err error) unsafe.Pointer {
	bindcSentinels.RLock()
	defer bindcSentinels.RUnlock()
	for _, s := range bindcSentinels.list {
		if target := s.get(); target != nil && errors.Is(err, target) {
			return s.pyType
		}
	}
	return nil
}
