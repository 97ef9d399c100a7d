// bindc-expect: exit 2
// bindc-expect: 7:6: error: HttpServer and HTTPServer (at
// bindc-expect: both become Python name 'http_server'
package bad

func HTTPServer() {}
func HttpServer() {}
