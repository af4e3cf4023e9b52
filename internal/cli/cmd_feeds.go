package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"sitrep/internal/analyze"
	"sitrep/internal/article"
	"sitrep/internal/extract"
	"sitrep/internal/feeds"
	"sitrep/internal/fetch"
	"sitrep/internal/nlp"
)

// feedsCommands adds the feeds area's commands: top-level ones to root, model
// rebuilds to train and measurements to eval. Each area owns its own file
// so that areas grow without touching each other.
func feedsCommands(g *globals, root, train, eval *cobra.Command) {
	root.AddCommand(newFeedsCmd(g), newFetchCmd(g))
}

// fetchFlags are the fetcher settings shared by fetch and feeds poll.
type fetchFlags struct {
	userAgent    string
	timeout      time.Duration
	maxBytes     int64
	allowPrivate bool
}

func (f *fetchFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.userAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent header")
	cmd.Flags().DurationVar(&f.timeout, "timeout", fetch.DefaultTimeout, "timeout for one request, body included")
	cmd.Flags().Int64Var(&f.maxBytes, "max-bytes", fetch.DefaultMaxBytes, "largest response body accepted")
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow private, loopback and link-local addresses (refused by default)")
}

func (f *fetchFlags) fetcher() *fetch.Fetcher {
	return fetch.New(fetch.Options{UserAgent: f.userAgent, Timeout: f.timeout, MaxBytes: f.maxBytes, AllowPrivate: f.allowPrivate})
}

func newFeedsCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "Subscribe to RSS/Atom feeds and poll them into the store",
		Long: `Feeds live in the store. "feeds add" subscribes, "feeds list" shows them and
their last poll, "feeds poll" fetches each feed (conditional GET: an unchanged
feed costs one 304) and every item not seen before (by GUID, or by link in any
feed): its page is fetched, extracted, analysed and stored.`,
	}
	cmd.AddCommand(newFeedsAddCmd(g), newFeedsListCmd(g), newFeedsRmCmd(g), newFeedsPollCmd(g))
	return cmd
}

func checkFeedURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q: want an http or https URL", raw)
	}
	return nil
}

func newFeedsAddCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "add URL...",
		Short: "Subscribe to feeds",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				if err := checkFeedURL(a); err != nil {
					return err
				}
			}
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			for _, a := range args {
				f, added, err := st.AddFeed(cmd.Context(), a)
				if err != nil {
					return err
				}
				state := "added"
				if !added {
					state = "exists"
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s\t%d\t%s\n", state, f.ID, f.URL)
			}
			return nil
		},
	}
}

func newFeedsListCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List subscribed feeds and their last poll",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			fs, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				return enc.Encode(fs)
			}
			tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tURL\tTITLE\tITEMS\tARTICLES\tLAST POLLED\tLAST ERROR")
			for _, f := range fs {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%s\t%s\n", f.ID, f.URL, feedsClip(f.Title, 40), f.Items, f.Articles,
					feedsOrDash(f.LastPolled), feedsOrDash(feedsClip(f.LastError, 60)))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newFeedsRmCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "rm ID|URL...",
		Short: "Unsubscribe from feeds (stored articles stay)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := g.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			for _, a := range args {
				if err := st.RemoveFeed(cmd.Context(), a); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "removed\t%s\n", a)
			}
			return nil
		},
	}
}

func newFeedsPollCmd(g *globals) *cobra.Command {
	var (
		ff      fetchFlags
		every   time.Duration
		delay   time.Duration
		workers int
		items   int
		asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "poll",
		Short: "Poll every feed once, or every DURATION with --every",
		Long: `Poll every subscribed feed: a conditional GET for the feed, then for each new
item its page is fetched (requests to one host at most one per --delay),
extracted, analysed and stored. A feed or page that fails is reported and
retried on a later poll. With --every the poll repeats until interrupted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			p, _, err := primed(ctx, st)
			if err != nil {
				return err
			}
			d := delay
			if d == 0 {
				d = -1 // the poller reads 0 as "default"
			}
			poller := &feeds.Poller{Fetcher: ff.fetcher(), Feeds: st, Articles: st, Pipeline: p,
				Delay: d, Workers: workers, MaxItems: items}
			out := cmd.OutOrStdout()
			report := func(r feeds.Result, err error) {
				if asJSON {
					json.NewEncoder(out).Encode(r)
				} else {
					fmt.Fprintf(out, "%s polled %d feeds (%d not modified, %d failed): %d items, %d seen, %d fetched, %d stored, %d duplicates, %d failed\n",
						time.Now().UTC().Format(time.RFC3339), r.Feeds, r.NotModified, r.FeedErrors, r.Items, r.Seen, r.Fetched, r.Stored, r.Duplicates, r.Failed)
				}
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "error:", err)
				}
			}
			if every > 0 {
				return poller.Run(ctx, every, report)
			}
			r, err := poller.PollAll(ctx)
			report(r, nil)
			return err
		},
	}
	ff.add(cmd)
	cmd.Flags().DurationVar(&every, "every", 0, "poll again every DURATION (e.g. 15m) until interrupted")
	cmd.Flags().DurationVar(&delay, "delay", feeds.DefaultDelay, "politeness delay between requests to one host")
	cmd.Flags().IntVar(&workers, "workers", feeds.DefaultWorkers, "pages fetched at once")
	cmd.Flags().IntVar(&items, "max-items", feeds.DefaultMaxItems, "items read per feed per poll")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print each poll's counts as a JSON line")
	return cmd
}

func newFetchCmd(g *globals) *cobra.Command {
	var (
		ff     fetchFlags
		save   bool
		pretty bool
	)
	cmd := &cobra.Command{
		Use:   "fetch URL",
		Short: "Fetch a page, extract and analyse it, print the article JSON",
		Long: `Fetch one page over HTTP(S), convert it to UTF-8, extract the article,
analyse it and print the article model as JSON. --store also stores it.
Private, loopback and link-local addresses are refused unless --allow-private.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if err := checkFeedURL(args[0]); err != nil {
				return err
			}
			resp, err := ff.fetcher().Get(ctx, fetch.Request{URL: args[0]})
			if err != nil {
				return err
			}
			if !fetch.IsHTML(resp.ContentType) {
				return fmt.Errorf("%s: not a page (%s)", resp.URL, resp.ContentType)
			}
			var a *article.Article
			if resp.ContentType == "text/plain" {
				a, err = extract.Text(string(resp.Body))
				if a != nil {
					a.URL = resp.URL
				}
			} else {
				a, err = extract.HTML(resp.Body, resp.URL)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", resp.URL, err)
			}
			if a.Language == "" {
				a.Language = nlp.Language(a.Headline + "\n" + a.Body)
			}
			if a.Source == "" {
				if u, err := url.Parse(resp.URL); err == nil {
					a.Source = u.Hostname()
				}
			}
			p, err := analyze.Default()
			if err != nil {
				return err
			}
			if err := p.Run(ctx, a); err != nil {
				return fmt.Errorf("%s: %w", resp.URL, err)
			}
			if save {
				st, err := g.openStore(ctx)
				if err != nil {
					return err
				}
				defer st.Close()
				added, err := st.Put(ctx, []*article.Article{a})
				if err != nil {
					return err
				}
				if !added[0] {
					fmt.Fprintf(cmd.ErrOrStderr(), "already stored: %s\n", a.ID)
				}
			}
			return feedsWriteJSON(cmd.OutOrStdout(), a, pretty)
		},
	}
	ff.add(cmd)
	cmd.Flags().BoolVar(&save, "store", false, "also store the article")
	cmd.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON")
	return cmd
}

func feedsWriteJSON(w io.Writer, v any, pretty bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}

func feedsClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func feedsOrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
