// bindc-expect: exit 2
// bindc-expect: 3:9: error: syntax error: unexpected literal 1 in package clause
package 1bad
