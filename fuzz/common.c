/* common.c — one-time library set-up shared by the harnesses. */
#include "fuzz.h"

#include "odfgate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    odfgate_global_init();
    return 0;
}
