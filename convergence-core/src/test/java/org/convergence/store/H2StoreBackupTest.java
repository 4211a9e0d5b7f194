package org.convergence.store;

class H2StoreBackupTest extends StoreBackupContract {
    private int stores;

    @Override
    protected StatementStore openEmptyStore() {
        return new H2StatementStore(folder.resolve("store-" + ++stores), model);
    }
}
