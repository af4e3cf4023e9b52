package store

import (
	"context"
	"errors"
	"testing"
)

func TestFeeds(t *testing.T) { eachBackend(t, testFeeds) }

func testFeeds(t *testing.T, s DB) {
	ctx := context.Background()
	f, added, err := s.AddFeed(ctx, "http://example.com/rss")
	if err != nil || !added || f.ID == 0 {
		t.Fatalf("AddFeed: %+v %v %v", f, added, err)
	}
	if _, added, _ := s.AddFeed(ctx, " http://example.com/rss "); added {
		t.Error("same feed added twice")
	}
	f2, _, _ := s.AddFeed(ctx, "http://example.org/atom")
	f.Title, f.ETag, f.LastPolled = "Example", `"x"`, "2026-01-01T00:00:00Z"
	if err := s.UpdateFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	items := []FeedItem{
		{Feed: f.ID, GUID: "g1", URL: "http://example.com/a", Article: "id-a"},
		{Feed: f.ID, GUID: "g2", URL: "http://example.com/b", Attempts: 1, Error: "boom"},
	}
	for _, it := range items {
		if err := s.PutFeedItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		feed      int64
		guid, url string
		want      string // GUID of the item found, "" for none
	}{
		{f.ID, "g1", "", "g1"},
		{f.ID, "g1", "http://other", "g1"},
		{f2.ID, "g1", "", ""},                       // GUIDs are per feed
		{f2.ID, "zz", "http://example.com/a", "g1"}, // URLs across feeds
		{f.ID, "new", "http://example.com/b", "g2"}, // same URL, new GUID
		{f.ID, "new", "http://example.com/c", ""},
	}
	for _, c := range cases {
		it, err := s.FeedItem(ctx, c.feed, c.guid, c.url)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if it != nil {
			got = it.GUID
		}
		if got != c.want {
			t.Errorf("FeedItem(%d, %q, %q) = %q, want %q", c.feed, c.guid, c.url, got, c.want)
		}
	}
	items[1].Article, items[1].Attempts = "id-b", 2
	if err := s.PutFeedItem(ctx, items[1]); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Feeds(ctx)
	if err != nil || len(fs) != 2 {
		t.Fatalf("Feeds: %v %v", fs, err)
	}
	if fs[0].Title != "Example" || fs[0].ETag != `"x"` || fs[0].Items != 2 || fs[0].Articles != 2 {
		t.Errorf("feed 1 = %+v", fs[0])
	}
	if err := s.RemoveFeed(ctx, "http://example.com/rss"); err != nil {
		t.Fatal(err)
	}
	if it, _ := s.FeedItem(ctx, f.ID, "g1", ""); it != nil {
		t.Error("items survived their feed")
	}
	if err := s.RemoveFeed(ctx, "999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemoveFeed(999) = %v", err)
	}
	if fs, _ := s.Feeds(ctx); len(fs) != 1 {
		t.Errorf("%d feeds left", len(fs))
	}
}
