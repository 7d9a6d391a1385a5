// Command dump writes the data ottl-functions bundles from the reference's Go dependencies:
// go-grok's pattern maps (`patterns.txt`, sorted by name within each set) and, with the argument
// `uap`, uap-go's embedded uap-core `regexes.yaml`. Build it inside the reference engine's module
// (it vendors both), e.g. with `go build -overlay` placing this file under cmd/dumpdata.
package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/elastic/go-grok/patterns"
	"github.com/ua-parser/uap-go/uaparser"
)

func dump(name string, m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("# %s\n", name)
	for _, k := range keys {
		fmt.Printf("%s %s\n", k, m[k])
	}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "uap" {
		os.Stdout.Write(uaparser.DefinitionYaml)
		return
	}
	dump("default", patterns.Default)
	sets := []struct {
		n string
		m map[string]string
	}{{"aws", patterns.AWS}, {"bind9", patterns.Bind9}, {"bro", patterns.Bro}, {"exim", patterns.Exim}, {"haproxy", patterns.HAProxy}, {"httpd", patterns.Httpd}, {"firewalls", patterns.Firewalls}, {"java", patterns.Java}, {"junos", patterns.Junos}, {"maven", patterns.Maven}, {"mcollective", patterns.MCollective}, {"mongodb", patterns.MongoDB}, {"postgresql", patterns.PostgreSQL}, {"rails", patterns.Rails}, {"redis", patterns.Redis}, {"ruby", patterns.Ruby}, {"squid", patterns.Squid}, {"syslog", patterns.Syslog}}
	for _, s := range sets {
		dump(s.n, s.m)
	}
}
