#ifndef LOANLEDGER_CLIBPQ_SHIM_H
#define LOANLEDGER_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
