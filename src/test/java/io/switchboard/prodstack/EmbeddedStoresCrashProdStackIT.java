package io.switchboard.prodstack;

import io.switchboard.testing.prodstack.ProdStack;

/** The crash suite on the prod profile's own stores: the embedded Artemis and the H2 file database. */
class EmbeddedStoresCrashProdStackIT extends SingleHubCrashSuite {

    @Override
    ProdStack.Stores stores() {
        return ProdStack.Stores.EMBEDDED;
    }
}
