package queue

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// BrokerOptions configure an embedded NATS server.
type BrokerOptions struct {
	// Listen is host:port (default 127.0.0.1:4222; port 0 picks a free one).
	Listen string
	// StoreDir holds JetStream's files (required: the queue is durable).
	StoreDir string
	// MaxPayload is the largest message in bytes (default 8 MiB, room for
	// a long article with its raw HTML).
	MaxPayload int32
}

// Broker is an embedded NATS server with JetStream.
type Broker struct {
	srv *server.Server
}

// StartBroker starts an embedded NATS server and waits until it accepts
// connections.
func StartBroker(opt BrokerOptions) (*Broker, error) {
	if opt.StoreDir == "" {
		return nil, errors.New("queue: broker needs a store directory")
	}
	if opt.Listen == "" {
		opt.Listen = "127.0.0.1:4222"
	}
	host, portStr, err := net.SplitHostPort(opt.Listen)
	if err != nil {
		return nil, fmt.Errorf("queue: listen address %q: %w", opt.Listen, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("queue: listen port %q: %w", portStr, err)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	if opt.MaxPayload <= 0 {
		opt.MaxPayload = 8 << 20
	}
	srv, err := server.NewServer(&server.Options{
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   opt.StoreDir,
		MaxPayload: opt.MaxPayload,
		NoSigs:     true,
		NoLog:      true,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: broker: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("queue: broker did not start within 10s")
	}
	return &Broker{srv: srv}, nil
}

// URL is the address clients connect to (nats://host:port).
func (b *Broker) URL() string { return b.srv.ClientURL() }

// Close stops the broker; the stream's files stay in StoreDir.
func (b *Broker) Close() {
	b.srv.Shutdown()
	b.srv.WaitForShutdown()
}
