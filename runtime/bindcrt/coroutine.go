package bindcrt

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// RunCoroutine implements RunCoroutine of package python (documented there).
func RunCoroutine(ctx context.Context, coro *Object) (*Object, error) {
	var loop, task *Object
	err := WithGIL(func() error {
		asyncio, err := Import("asyncio")
		if err != nil {
			return err
		}
		defer asyncio.Release()
		if loop, err = asyncio.CallMethod("new_event_loop"); err != nil {
			return err
		}
		task, err = asyncio.CallMethodKw("ensure_future", []any{coro}, map[string]any{"loop": loop})
		return err
	})
	if err != nil {
		if loop != nil {
			_ = WithGIL(func() error { return closeLoop(loop) })
		}
		return nil, opError("RunCoroutine", err)
	}

	// The watcher cancels the task from its own goroutine when ctx ends first; the loop
	// wakes up for call_soon_threadsafe even while it waits in select.
	finished := make(chan struct{})
	var watcher sync.WaitGroup
	watcher.Add(1)
	go func() {
		defer watcher.Done()
		select {
		case <-finished:
		case <-ctx.Done():
			_ = WithGIL(func() error {
				closed, err := loop.CallMethod("is_closed")
				if err != nil {
					return err
				}
				defer closed.Release()
				if isClosed, err := closed.Bool(); err != nil || isClosed {
					return err
				}
				cancel, err := task.GetAttr("cancel")
				if err != nil {
					return err
				}
				defer cancel.Release()
				r, err := loop.CallMethod("call_soon_threadsafe", cancel)
				r.Release()
				return err // a loop closed meanwhile: nothing left to cancel
			})
		}
	}()

	var result *Object
	runErr := WithGIL(func() error {
		var err error
		result, err = loop.CallMethod("run_until_complete", task)
		if cerr := closeLoop(loop); err == nil && cerr != nil {
			result.Release()
			result = nil
			err = cerr
		}
		task.Release()
		return err
	})
	close(finished)
	watcher.Wait()
	if runErr != nil {
		if ctxErr := ctx.Err(); ctxErr != nil && isCancelled(runErr) {
			return nil, fmt.Errorf("python: RunCoroutine: %w (the task was cancelled: %w)", ctxErr, runErr)
		}
		return nil, runErr
	}
	return result, nil
}

// closeLoop shuts down the async generators of loop and closes it (what asyncio.run does
// at its end), then releases it. Called holding the GIL.
func closeLoop(loop *Object) error {
	defer loop.Release()
	shutdown, err := loop.CallMethod("shutdown_asyncgens")
	if err == nil {
		var r *Object
		r, err = loop.CallMethod("run_until_complete", shutdown)
		r.Release()
		shutdown.Release()
	}
	r, cerr := loop.CallMethod("close")
	r.Release()
	return errors.Join(err, cerr)
}

// isCancelled reports whether err is asyncio's CancelledError.
func isCancelled(err error) bool {
	var e *Exception
	return errors.As(err, &e) && (e.Type == "asyncio.exceptions.CancelledError" || e.Type == "CancelledError")
}
