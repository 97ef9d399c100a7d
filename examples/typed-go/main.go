// Command typed-go calls a Python module (inventory.py) through the typed Go wrappers that
// `bindc go inventory.py --out inventory` generated: no strings naming Python functions,
// no manual conversions or Release calls, and Python exceptions as Go error types.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"example.com/typed-go/inventory"
	python "github.com/py4go/py4go/runtime"
)

func main() {
	if err := python.Initialize(); err != nil {
		log.Fatal(err)
	}
	defer python.Finalize()
	dir, _ := os.Getwd()
	if err := python.WithGIL(func() error { return python.PrependSysPath(filepath.Clean(dir)) }); err != nil {
		log.Fatal(err)
	}
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	inv, err := inventory.NewInventory("Tal")
	if err != nil {
		return err
	}
	defer inv.Close()
	if _, err := inv.Add("apple", inventory.InventoryAddQuantity(3)); err != nil {
		return err
	}
	if _, err := inv.Add("pear"); err != nil { // quantity omitted: Python's default (1)
		return err
	}
	left, err := inv.Take("apple", inventory.InventoryTakeQuantity(2))
	if err != nil {
		return err
	}
	fmt.Println("apples left:", left)

	_, err = inv.Take("pear", inventory.InventoryTakeQuantity(5))
	var out *inventory.OutOfStock
	if errors.As(err, &out) {
		fmt.Println("OutOfStock:", out.Message)
	}

	items, err := inv.Items()
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, it := range items {
		counts[it.Name] = it.Quantity
	}
	plenty, err := inv.Names(inventory.InventoryNamesKeep(func(name string, q int) (bool, error) { return q >= 1, nil }))
	if err != nil {
		return err
	}
	fmt.Println("in stock:", plenty)
	text, err := inventory.Summary(counts, inventory.SummaryTitle("Tal's inventory"))
	if err != nil {
		return err
	}
	fmt.Println(text)
	return nil
}
