package io.switchboard.prodstack;

import io.switchboard.testing.prodstack.ProdStack;

/** The crash suite on a standalone Artemis and PostgreSQL 16, processes of their own that outlive the hub's kills. */
class StandaloneStoresCrashProdStackIT extends SingleHubCrashSuite {

    @Override
    ProdStack.Stores stores() {
        return ProdStack.Stores.STANDALONE;
    }
}
