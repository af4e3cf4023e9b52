// Package storetest gives tests a PostgreSQL database of their own: a
// fresh schema of the test server, dropped when the test ends. It skips
// the test when no server answers (and fails it under CI=true, where
// scripts/ci-deps.d/postgres.sh has started one). It holds no test data.
package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultPostgres is the database the PostgreSQL tests use when
// SITREP_TEST_POSTGRES is not set (scripts/ci-deps.d/postgres.sh makes it).
const DefaultPostgres = "postgres://sitrep:sitrep@127.0.0.1:5432/sitrep_test?sslmode=disable"

// Postgres returns the DSN of a fresh schema of the test database, or
// skips (fails under CI=true) when no server answers.
func Postgres(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		dsn = DefaultPostgres
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL at %s: %v (CI=true: run scripts/ci-deps.d/postgres.sh)", dsn, err)
		}
		t.Skipf("no PostgreSQL at %s (set SITREP_TEST_POSTGRES, or run scripts/ci-deps.d/postgres.sh): %v", dsn, err)
	}
	defer conn.Close(context.Background())
	schema := fmt.Sprintf("t_%d_%x", time.Now().UnixNano(), rand.Uint32())
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), dsn)
		if err == nil {
			c.Exec(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
			c.Close(context.Background())
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	v := u.Query()
	v.Set("search_path", schema)
	u.RawQuery = v.Encode()
	return u.String()
}
