package db

import "context"

// OpenAtVersion creates a library with only the migrations up to version,
// as an older Folio would have left it.
func OpenAtVersion(ctx context.Context, path string, version int) (*Store, error) {
	s, err := openWithout(ctx, path)
	if err != nil {
		return nil, err
	}
	s.oldSchema = version < SchemaVersion()
	return s, s.migrateTo(ctx, version)
}

// URLVariantsForTest exposes urlVariants to the black-box tests.
var URLVariantsForTest = urlVariants

// MigrationCount is how many migration files this build holds (their
// numbers may skip: each branch of work takes its own).
func MigrationCount() int {
	list, _ := migrations()
	return len(list)
}

// SetVersionsBatchForTest makes FillVersions sign n articles a batch
// until the returned function puts the batch size back.
func SetVersionsBatchForTest(n int) func() {
	old := versionsBatch
	versionsBatch = n
	return func() { versionsBatch = old }
}
