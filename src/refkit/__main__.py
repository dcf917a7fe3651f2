from refkit.cli import main

main()
