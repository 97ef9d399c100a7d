// Package cron implements a cron spec parser and job runner.
//
// # Usage
//
// Callers may register Funcs to be invoked on a given schedule. Cron will run
// them in their own goroutines.
//
//	c := cron.New()
//	c.AddFunc("30 * * * *", func() { fmt.Println("Every hour on the half hour") })
//	c.AddFunc("@hourly",      func() { fmt.Println("Every hour") })
//	c.AddFunc("@every 1h30m", func() { fmt.Println("Every hour thirty") })
//	c.Start()
//	..
//	// Funcs are invoked in their own goroutine, asynchronously.
//	...
//	// Funcs may also be added to a running Cron
//	c.AddFunc("@daily", func() { fmt.Println("Every day") })
//	..
//	// Inspect the cron job entries' next and previous run times.
//	inspect(c.Entries())
//	..
//	c.Stop()  // Stop the scheduler (does not stop any jobs already running).
package cron
