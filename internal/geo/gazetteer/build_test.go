package gazetteer

import (
	"math"
	"testing"
)

func TestTrimmedMiddleAcrossTheAntimeridian(t *testing.T) {
	// towns of a division on both sides of the 180th meridian (Aleutians)
	var pts [][2]float64
	for i := 0; i < 50; i++ {
		pts = append(pts, [2]float64{60 + float64(i%5), -150 - float64(i%20)})
	}
	pts = append(pts, [2]float64{52, 178}, [2]float64{52, 179})
	lat, lon := trimmedMiddle(pts)
	if lon > -140 || lon < -180 || math.Abs(lat-62) > 6 {
		t.Fatalf("middle %.2f,%.2f, want near 58..62,-160", lat, lon)
	}
}

func TestTrimmedMiddleDropsOutliers(t *testing.T) {
	var pts [][2]float64
	for i := 0; i < 200; i++ {
		pts = append(pts, [2]float64{40 + float64(i%10)/10, -80 + float64(i%10)/10})
	}
	pts = append(pts, [2]float64{10, 10}) // a mis-coded town
	lat, lon := trimmedMiddle(pts)
	if math.Abs(lat-40.45) > 0.1 || math.Abs(lon+79.55) > 0.1 {
		t.Fatalf("middle %.2f,%.2f, want 40.45,-79.55", lat, lon)
	}
}

func TestMatchPoint(t *testing.T) {
	pts := []NamedPoint{
		{Names: []string{"Virginia"}, Lat: 37.4, Lon: -78.7},
		{Names: []string{"West Virginia"}, Lat: 38.6, Lon: -80.5},
		{Names: []string{"Idlib", "Idlib Governorate"}, Lat: 35.8, Lon: 36.6},
	}
	if p, ok := matchPoint(pts, "Virginia"); !ok || p.Lat != 37.4 {
		t.Fatalf("Virginia: %v %v", p, ok)
	}
	if p, ok := matchPoint(pts, "Idlib Governorate"); !ok || p.Lat != 35.8 {
		t.Fatalf("Idlib Governorate: %v %v", p, ok)
	}
	if _, ok := matchPoint(pts, "Ontario"); ok {
		t.Fatal("Ontario matched")
	}
	dup := append(pts, NamedPoint{Names: []string{"Virginia"}, Lat: 1, Lon: 1})
	if _, ok := matchPoint(dup, "Virginia"); ok {
		t.Fatal("an ambiguous name matched")
	}
}
