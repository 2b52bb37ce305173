/* user-space test: touches memory the module watches */
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *p = malloc(1 << 20);

	memset(p, 1, 1 << 20);
	free(p);
	return 0;
}
