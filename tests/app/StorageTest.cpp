#include "TestDatabase.h"

#include "storage/Database.h"

using namespace pd;
using namespace pd::test;

class StorageTest : public BackendTest
{
};

TEST_P(StorageTest, NewDatabaseIsMigratedToLatestSchema)
{
    EXPECT_EQ(db().schemaVersion(), Database::latestSchemaVersion());
    EXPECT_GE(Database::latestSchemaVersion(), 1);
}

PD_INSTANTIATE_FOR_BACKENDS(StorageTest);
